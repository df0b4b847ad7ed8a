namespace Mentor.Training;

/// <summary>
/// Training data a trainer cannot learn from (one class, mismatched lengths, ragged or non-finite features,
/// labels out of range). The message says what was wrong, where, and what to do.
/// </summary>
public class TrainingDataException : MentorException
{
    /// <summary>Training data described by <paramref name="message"/>: one line saying what was wrong, where, and the fix.</summary>
    public TrainingDataException(string message) : base(message) { }
}
