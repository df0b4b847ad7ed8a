namespace Mentor.Data;

/// <summary>One file of a dataset and the index of its label in the dataset's label list.</summary>
public sealed record LabeledImage(string Path, int Label);
