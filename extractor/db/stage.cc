// placeholder so that the stage library is never empty
