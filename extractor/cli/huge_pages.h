// Loading the patterns on 2 MiB pages. In a virtual machine a page fault
// costs about 15 us, and loading the patterns touched some 1 700 pages of
// 4 KiB: most of start-up. While a HugePageHeap lives, its thread allocates
// from an area that the kernel is asked to back with transparent huge pages
// (granted "on request" by Debian's default; where they are not, the area is
// an ordinary heap). What is allocated then (the lexicon) stays there; later
// allocations go back to the thread's usual heap, so that the run's memory
// still grows 4 KiB at a time. Does nothing unless the tool is linked with
// mimalloc.
#ifndef GUILLEMET_CLI_HUGE_PAGES_H_
#define GUILLEMET_CLI_HUGE_PAGES_H_

namespace guillemet::cli {

class HugePageHeap {
 public:
  HugePageHeap();
  ~HugePageHeap();
  HugePageHeap(const HugePageHeap&) = delete;
  HugePageHeap& operator=(const HugePageHeap&) = delete;

 private:
  void* previous_ = nullptr;  // The thread's heap before, restored after.
};

}  // namespace guillemet::cli

#endif  // GUILLEMET_CLI_HUGE_PAGES_H_
