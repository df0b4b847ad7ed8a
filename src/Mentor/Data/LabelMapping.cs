namespace Mentor.Data;

/// <summary>Matches a dataset's class folders to a model's labels.</summary>
public static class LabelMapping
{
    /// <summary>
    /// For each dataset label index, the model's index of the same label. A folder class the model never saw
    /// is an error naming it, since the model cannot predict it.
    /// </summary>
    public static int[] ToModelLabels(ImageFolderDataset dataset, IReadOnlyList<string> modelLabels)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(modelLabels);
        var index = modelLabels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var unknown = dataset.Labels.Where(l => !index.ContainsKey(l)).ToList();
        if (unknown.Count > 0)
            throw new DatasetException(
                $"{dataset.Root}: class folder(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))} are not among the model's labels ({string.Join(", ", modelLabels)}); remove them or retrain the model with them.");
        return dataset.Labels.Select(l => index[l]).ToArray();
    }
}
