// libtorch's thread count is process-wide and the timing test needs the cores: run tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
