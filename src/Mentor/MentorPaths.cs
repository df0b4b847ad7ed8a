namespace Mentor;

/// <summary>Where Mentor keeps what it computes once: feature vectors and prepared backbone models.</summary>
public static class MentorPaths
{
    /// <summary>
    /// <c>MENTOR_CACHE</c> if set, else the user's cache folder (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c> on Linux,
    /// <c>~/Library/Caches</c> on macOS, local application data on Windows) plus <c>mentor</c>.
    /// </summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("MENTOR_CACHE");
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            string root;
            if (OperatingSystem.IsWindows()) root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            else if (OperatingSystem.IsMacOS()) root = Path.Combine(home, "Library", "Caches");
            else root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".cache");
            return Path.Combine(root, "mentor");
        }
    }
}
