namespace Mentor.Data;

/// <summary>
/// Lists the visible files under a class folder, following symbolic links to folders (datasets are often assembled with
/// them) except one that leads back to a folder being walked: such a loop would list the same photos again and again
/// until the path grows too long. The looping link itself is listed, so that reading it reports it, naming it.
/// </summary>
internal static class FolderWalk
{
    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

    public static List<string> Files(string folder, Func<string, bool> visible)
    {
        var files = new List<string>();
        Walk(folder, RealPath(new DirectoryInfo(folder), Path.GetFullPath(folder)), [], visible, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string folder, string real, HashSet<string> ancestors, Func<string, bool> visible, List<string> files)
    {
        ancestors.Add(real);
        files.AddRange(Directory.EnumerateFiles(folder, "*", OneLevel).Where(f => visible(Path.GetFileName(f))));
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", OneLevel).Where(d => visible(Path.GetFileName(d))))
        {
            var subReal = RealPath(new DirectoryInfo(sub), Path.Combine(real, Path.GetFileName(sub)));
            if (ancestors.Contains(subReal)) files.Add(sub); // a loop: listed, not followed
            else Walk(sub, subReal, ancestors, visible, files);
        }
        ancestors.Remove(real);
    }

    // Where a folder really is: the final target of its link, or (not a link) its place under its parent's real path.
    private static string RealPath(DirectoryInfo folder, string unlinked)
    {
        try
        {
            return folder.LinkTarget is null ? unlinked : Path.TrimEndingDirectorySeparator(folder.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? unlinked);
        }
        catch (IOException)
        {
            return unlinked; // a link that cannot be resolved: reading under it reports the error per file
        }
    }
}
