namespace Mentor.Models;

/// <summary>A model file that cannot be used: missing, not a Mentor model, damaged, or from a newer Mentor.</summary>
public sealed class ModelFileException(string path, string reason) : MentorException($"{path}: {reason}");
