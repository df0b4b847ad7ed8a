namespace Mentor;

/// <summary>
/// A failure the user can fix: bad input, a missing file, an incompatible model.
/// The message names what was wrong, where, and what to do; front ends print it as one line.
/// </summary>
public class MentorException : Exception
{
    /// <summary>A failure described by <paramref name="message"/>: one line naming what was wrong, where, and the fix.</summary>
    public MentorException(string message) : base(message) { }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="inner"/> (kept for logs; front ends print only the message).</summary>
    public MentorException(string message, Exception inner) : base(message, inner) { }
}
