namespace Mentor.Data;

/// <summary>A dataset folder that cannot be used as given (missing, empty, one class...).</summary>
/// <param name="message">One line: what was wrong, where (file, node or folder), and the fix.</param>
public class DatasetException(string message) : MentorException(message);
