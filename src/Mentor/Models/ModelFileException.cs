namespace Mentor.Models;

/// <summary>A model file that cannot be used: missing, not a Mentor model, damaged, or from a newer Mentor.</summary>
/// <param name="path">The model file.</param>
/// <param name="reason">What is wrong with it and the fix, for example "the file is empty; train the model again."</param>
public sealed class ModelFileException(string path, string reason) : MentorException($"{path}: {reason}");
