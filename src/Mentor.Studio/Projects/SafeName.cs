using System.Text;

namespace Mentor.Studio.Projects;

/// <summary>
/// Checks a class or photo name before it touches the disk: one plain path segment, portable to every file system.
/// Refused (400 <c>bad_name</c>): empty, <c>.</c>/<c>..</c> or a leading dot (hidden, and the studio's own files),
/// separators (<c>/</c>, <c>\</c>), NUL and control characters, characters Windows forbids, a trailing dot or space,
/// reserved device names (CON, NUL, COM1...), and names over 200 UTF-8 bytes.
/// </summary>
public static class SafeName
{
    /// <summary>Longest accepted name in UTF-8 bytes, leaving room for the atomic writer's temporary suffix.</summary>
    public const int MaxBytes = 200;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private const string Forbidden = "/\\:*?\"<>|";

    /// <summary>Returns <paramref name="name"/> when it is safe; otherwise throws a 400 naming what is wrong.</summary>
    /// <param name="name">The name asked for.</param>
    /// <param name="what">What the name is for, in the message: <c>class</c> or <c>photo</c>.</param>
    public static string Check(string? name, string what)
    {
        var problem = Problem(name);
        if (problem is not null)
            throw new StudioException(400, "bad_name", $"{what} name '{Printable(name)}' {problem}; use a plain name such as 'shoes' or 'photo1.jpg'");
        return name!;
    }

    private static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "is empty";
        if (name.StartsWith('.')) return "starts with a dot (hidden, or a path such as '..')";
        if (name.Any(c => char.IsControl(c))) return "holds a control character (such as NUL)";
        if (name.IndexOfAny(Forbidden.ToCharArray()) >= 0) return $"holds one of {Forbidden} (path separators are not allowed)";
        if (name.EndsWith('.') || name.EndsWith(' ') || name.StartsWith(' ')) return "starts or ends with a space or ends with a dot";
        if (Reserved.Contains(name.Split('.')[0])) return "is a reserved device name on Windows";
        if (Encoding.UTF8.GetByteCount(name) > MaxBytes) return $"is over {MaxBytes} bytes";
        return null;
    }

    private static string Printable(string? name) =>
        name is null ? "" : new string([.. name.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
}
