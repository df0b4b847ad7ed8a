namespace Mentor.Features;

/// <summary>What <see cref="CacheMaintenance.Prune"/> removed and kept.</summary>
/// <param name="RemovedFiles">Files deleted, least recently used first.</param>
/// <param name="RemovedBytes">Their size.</param>
/// <param name="KeptFiles">Files left.</param>
/// <param name="KeptBytes">Their size: at most the limit asked for.</param>
public sealed record CachePruning(int RemovedFiles, long RemovedBytes, int KeptFiles, long KeptBytes);
