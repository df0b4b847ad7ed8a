namespace Mentor.Training;

/// <summary>
/// Training data a trainer cannot learn from (one class, mismatched lengths, ragged or non-finite features,
/// labels out of range). The message says what was wrong, where, and what to do.
/// </summary>
/// <remarks>
/// Self-contained on purpose (System only): when Mentor.Training references the Mentor library, this can
/// derive from <c>Mentor.MentorException</c> so front ends print it as one line.
/// </remarks>
public sealed class TrainingDataException : Exception
{
    public TrainingDataException(string message) : base(message) { }
}
