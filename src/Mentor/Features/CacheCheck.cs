namespace Mentor.Features;

/// <summary>
/// What <see cref="CacheMaintenance.Verify"/> found in a cache folder: whole feature entries, damaged ones, temporary
/// files left by writers that no longer run, and everything else (prepared and int8 backbones).
/// </summary>
/// <param name="Directory">The cache's root folder.</param>
/// <param name="Entries">Whole, checksummed feature vectors.</param>
/// <param name="EntryBytes">Their size on disk.</param>
/// <param name="Namespaces">Backbone-and-preprocessing namespaces holding them.</param>
/// <param name="Damaged">Entry files that fail their checksum, length or header (read as misses, never as features).</param>
/// <param name="Leftovers">Temporary files of interrupted writes whose writer process is gone.</param>
/// <param name="OtherFiles">Prepared and int8 backbone models and anything else kept in the folder.</param>
/// <param name="OtherBytes">Their size on disk.</param>
/// <param name="Removed">Damaged entries and leftovers deleted by this check (repair only).</param>
public sealed record CacheCheck(
    string Directory, int Entries, long EntryBytes, int Namespaces, IReadOnlyList<string> Damaged, IReadOnlyList<string> Leftovers,
    int OtherFiles, long OtherBytes, int Removed)
{
    /// <summary>True when nothing damaged or left over remains.</summary>
    public bool Consistent => Removed == Damaged.Count + Leftovers.Count;

    /// <summary>Every byte the cache occupies.</summary>
    public long TotalBytes => EntryBytes + OtherBytes;
}
