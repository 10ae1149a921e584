#include "cli/huge_pages.h"

#ifdef GUILLEMET_WITH_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>

#include <cstddef>
#endif

namespace guillemet::cli {

HugePageHeap::HugePageHeap() {
#ifdef GUILLEMET_WITH_MIMALLOC
  // Address space only: pages are filled as they are touched.
  constexpr size_t kArenaBytes = size_t{64} << 20;
  mi_arena_id_t arena = 0;
  if (mi_reserve_os_memory_ex(kArenaBytes, /*commit=*/true, /*allow_large=*/false,
                              /*exclusive=*/true, &arena) != 0) {
    return;
  }
  size_t size = 0;
  void* area = mi_arena_area(arena, &size);
  if (area == nullptr) return;
  madvise(area, size, MADV_HUGEPAGE);
  if (mi_heap_t* heap = mi_heap_new_in_arena(arena); heap != nullptr) {
    previous_ = mi_heap_set_default(heap);
  }
#endif
}

HugePageHeap::~HugePageHeap() {
#ifdef GUILLEMET_WITH_MIMALLOC
  // The heap itself is not deleted: what it holds lives on.
  if (previous_ != nullptr) mi_heap_set_default(static_cast<mi_heap_t*>(previous_));
#endif
}

}  // namespace guillemet::cli
