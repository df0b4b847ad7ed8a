namespace Mentor.Studio.Training;

/// <summary>A held-out photo and what the model said about it.</summary>
public sealed record HeldOutPhoto(string Class, string Name, string Predicted, double Confidence);
