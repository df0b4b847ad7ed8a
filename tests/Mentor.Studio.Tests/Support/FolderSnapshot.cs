namespace Mentor.Studio.Tests.Support;

/// <summary>Every file and folder under a root (hidden ones included) with each file's length and bytes' hash: equal snapshots, unchanged folder.</summary>
public static class FolderSnapshot
{
    public static IReadOnlyList<string> Take(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p)
                ? $"{Path.GetRelativePath(root, p)} {new FileInfo(p).Length} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))[..12]}"
                : Path.GetRelativePath(root, p) + "/")];
}
