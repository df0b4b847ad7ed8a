namespace Mentor.Data;

/// <summary>
/// A labelled dataset in the "image folder" layout: <c>root/&lt;label&gt;/**/file</c>.
/// Labels are the class folder names in ordinal order, so the same folder always gives the same label indices.
/// Every visible file is listed; whether it is an image is decided when it is decoded, so that non-images
/// are reported rather than silently ignored. Links to folders are followed, except one making a loop (see <see cref="FolderWalk"/>).
/// </summary>
public sealed class ImageFolderDataset
{
    private static readonly HashSet<string> JunkFiles = new(StringComparer.OrdinalIgnoreCase) { "Thumbs.db", "desktop.ini" };
    private static readonly string[] SplitFolderNames = ["train", "training", "test", "val", "valid", "validation"];

    /// <summary>A dataset from lists already made (no folder is read; <see cref="Open"/> reads one).</summary>
    /// <param name="root">The folder the images were listed from; used in messages and reports.</param>
    /// <param name="labels">Class names; each image's label indexes this list.</param>
    /// <param name="images">The files and their label indices, in the order they are to be used.</param>
    public ImageFolderDataset(string root, IReadOnlyList<string> labels, IReadOnlyList<LabeledImage> images)
    {
        Root = root;
        Labels = labels;
        Images = images;
    }

    /// <summary>The folder the dataset was read from.</summary>
    public string Root { get; }

    /// <summary>Class names; an image's <see cref="LabeledImage.Label"/> indexes this list.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Files in a stable order (label, then ordinal path).</summary>
    public IReadOnlyList<LabeledImage> Images { get; }

    /// <summary>How many files each label has.</summary>
    public int[] CountPerLabel()
    {
        var counts = new int[Labels.Count];
        foreach (var image in Images) counts[image.Label]++;
        return counts;
    }

    /// <summary>Returns a dataset with the same labels holding only <paramref name="images"/>.</summary>
    public ImageFolderDataset WithImages(IReadOnlyList<LabeledImage> images) => new(Root, Labels, images);

    /// <summary>
    /// Reads <paramref name="root"/>, a folder or a <c>path,label</c> list file (see <see cref="ImageListDataset"/>). Throws <see cref="DatasetException"/> when the folder is missing,
    /// has fewer than <paramref name="minimumClasses"/> class folders (two for training), or a class folder holds no files.
    /// </summary>
    public static ImageFolderDataset Open(string root, int minimumClasses = 2)
    {
        ArgumentNullException.ThrowIfNull(root);
        var full = Path.GetFullPath(root);
        if (File.Exists(full)) return ImageListDataset.Open(root, minimumClasses);
        if (!Directory.Exists(full))
            throw new DatasetException($"{root}: folder not found; pass a folder with one sub-folder per class (root/<label>/*.jpg).");

        var classDirs = Directory.EnumerateDirectories(full)
            .Where(d => !IsHidden(Path.GetFileName(d)))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToList();
        var labels = classDirs.Select(d => Path.GetFileName(d)!).ToList();
        ThrowIfSplitFolders(root, labels);
        if (labels.Count < minimumClasses)
            throw new DatasetException(labels.Count == 0
                ? $"{root}: has no class folders; put each class's images in its own sub-folder (root/<label>/*.jpg)."
                : $"{root}: has only one class folder ('{labels[0]}'); a classifier needs at least two classes.");

        var images = new List<LabeledImage>();
        for (var label = 0; label < classDirs.Count; label++)
        {
            var files = ListFiles(classDirs[label]);
            if (files.Count == 0)
                throw new DatasetException($"{classDirs[label]}: class '{labels[label]}' has no files; add images or remove the folder.");
            images.AddRange(files.Select(f => new LabeledImage(f, label)));
        }
        return new ImageFolderDataset(full, labels, images);
    }

    private static List<string> ListFiles(string classDir) =>
        FolderWalk.Files(classDir, name => !IsHidden(name) && !JunkFiles.Contains(name));

    private static bool IsHidden(string? name) => name is null || name.StartsWith('.');

    // A common mistake: passing the dataset root that holds train/ and test/ instead of train/ itself.
    private static void ThrowIfSplitFolders(string root, List<string> labels)
    {
        var splits = labels.Where(l => SplitFolderNames.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        if (splits.Count >= 2 && splits.Count == labels.Count)
            throw new SplitFoldersException(root, splits);
    }
}
