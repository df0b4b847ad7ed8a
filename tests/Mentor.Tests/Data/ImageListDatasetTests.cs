using Mentor.Data;
using Mentor.Tests.Support;

namespace Mentor.Tests.Data;

public sealed class ImageListDatasetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_csv_list_with_a_header_and_relative_and_absolute_paths_opens_like_a_folder()
    {
        var absolute = Path.GetFullPath(_temp.Combine("elsewhere", "b.jpg"));
        var list = Write("photos/list.csv", "path,label\nimg/z.jpg,shoes\nimg/a.jpg,dress\n\"img/with,comma.jpg\",dress\n" + absolute + ",shoes\n");

        var dataset = ImageFolderDataset.Open(list);

        Assert.Equal(["dress", "shoes"], dataset.Labels);
        var folder = _temp.Combine("photos");
        Assert.Equal(
            [(Path.Combine(folder, "img", "a.jpg"), 0), (Path.Combine(folder, "img", "with,comma.jpg"), 0), (absolute, 1), (Path.Combine(folder, "img", "z.jpg"), 1)],
            dataset.Images.Select(i => (i.Path, i.Label)));
        Assert.Equal([2, 2], dataset.CountPerLabel());
        Assert.Equal(folder, ImageListDataset.BaseFolder(dataset));
    }

    [Fact]
    public void A_tsv_list_without_a_header_is_read_by_its_extension()
    {
        var list = Write("list.tsv", "a.jpg\tcat\nb.jpg\tdog\n");

        var dataset = ImageFolderDataset.Open(list);

        Assert.Equal(["cat", "dog"], dataset.Labels);
        Assert.Equal(2, dataset.Images.Count);
    }

    [Theory]
    [InlineData("a.jpg,cat,extra\n", "list.csv:1: has 3 column(s)")]
    [InlineData("path,label\na.jpg,cat\nb.jpg,dog\na.jpg,dog\n", "list.csv:4: a.jpg is listed again (first on line 2)")]
    [InlineData("a.jpg,cat\nb.jpg,cat\n", "lists only one class ('cat')")]
    [InlineData("a.jpg,\nb.jpg,dog\n", "list.csv:1: empty label")]
    [InlineData("path,label\n", "lists no images")]
    public void A_bad_list_is_one_error_naming_the_line_and_the_fix(string text, string expected)
    {
        var list = Write("list.csv", text);

        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(list));

        Assert.Contains(expected, error.Message);
    }

    private string Write(string relative, string text)
    {
        var path = _temp.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
