namespace Mentor.Studio.Projects;

/// <summary>
/// A request the project cannot carry out (a bad or taken name, a missing class or photo, training not possible yet):
/// answered with <see cref="Status"/> and a JSON error whose message names the problem and the fix. Nothing was changed.
/// </summary>
public sealed class StudioException(int status, string code, string message) : MentorException(message)
{
    public int Status { get; } = status;

    /// <summary>Stable for programs, e.g. <c>bad_name</c>, <c>not_found</c>, <c>name_taken</c>.</summary>
    public string Code { get; } = code;

    public static StudioException NotFound(string message) => new(404, "not_found", message);

    public static StudioException Conflict(string code, string message) => new(409, code, message);
}
