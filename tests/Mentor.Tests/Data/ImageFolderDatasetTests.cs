using Mentor.Data;
using Mentor.Tests.Support;

namespace Mentor.Tests.Data;

public sealed class ImageFolderDatasetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Labels_are_the_class_folders_in_ordinal_order_and_every_visible_file_is_listed()
    {
        var root = _temp.MakeClothingDataset("data", 2, "shoes", "dress", "pants");
        File.WriteAllText(Path.Combine(root, "dress", ".DS_Store"), "junk");
        File.WriteAllText(Path.Combine(root, "dress", "notes.txt"), "not an image");

        var dataset = ImageFolderDataset.Open(root);

        Assert.Equal(["dress", "pants", "shoes"], dataset.Labels);
        Assert.Equal([3, 2, 2], dataset.CountPerLabel());
        Assert.Contains(dataset.Images, i => i.Path.EndsWith("notes.txt", StringComparison.Ordinal) && i.Label == 0);
        Assert.DoesNotContain(dataset.Images, i => i.Path.EndsWith(".DS_Store", StringComparison.Ordinal));
        Assert.Equal(dataset.Images.Select(i => i.Path), ImageFolderDataset.Open(root).Images.Select(i => i.Path));
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(_temp.Combine("nope")));
        Assert.Contains("folder not found", error.Message);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void A_single_class_is_a_clear_error()
    {
        var root = _temp.MakeClothingDataset("one", 2, "dress");
        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(root));
        Assert.Contains("only one class folder ('dress')", error.Message);
    }

    [Fact]
    public void A_folder_without_class_folders_is_a_clear_error()
    {
        Directory.CreateDirectory(_temp.Combine("flat"));
        File.Copy(SharedData.Clothing("validation", "dress", 1)[0], _temp.Combine("flat", "a.jpg"));
        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(_temp.Combine("flat")));
        Assert.Contains("no class folders", error.Message);
    }

    [Fact]
    public void An_empty_class_is_a_clear_error_naming_it()
    {
        var root = _temp.MakeClothingDataset("data", 2, "dress", "pants");
        Directory.CreateDirectory(Path.Combine(root, "hat"));
        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(root));
        Assert.Contains("class 'hat' has no files", error.Message);
    }

    [Fact]
    public void A_root_holding_split_folders_points_to_the_split_to_pass()
    {
        var error = Assert.Throws<SplitFoldersException>(() => ImageFolderDataset.Open(SharedData.ClothingSmall));
        Assert.Contains("split folders", error.Message);
        Assert.Contains("as its validation and test sets", error.Message);
    }
}
