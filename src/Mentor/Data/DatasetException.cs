namespace Mentor.Data;

/// <summary>A dataset folder that cannot be used as given (missing, empty, one class...).</summary>
public class DatasetException(string message) : MentorException(message);
