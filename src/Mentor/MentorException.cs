namespace Mentor;

/// <summary>
/// A failure the user can fix: bad input, a missing file, an incompatible model.
/// The message names what was wrong, where, and what to do; front ends print it as one line.
/// </summary>
public class MentorException : Exception
{
    public MentorException(string message) : base(message) { }

    public MentorException(string message, Exception inner) : base(message, inner) { }
}
