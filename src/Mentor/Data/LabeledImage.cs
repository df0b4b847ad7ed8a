namespace Mentor.Data;

/// <summary>One file of a dataset and the index of its label in the dataset's label list.</summary>
/// <param name="Path">The image file's full path.</param>
/// <param name="Label">Its class, as an index into the dataset's <see cref="ImageFolderDataset.Labels"/>.</param>
public sealed record LabeledImage(string Path, int Label);
