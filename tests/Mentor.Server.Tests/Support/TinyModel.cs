using Mentor.Cli;

namespace Mentor.Server.Tests.Support;

/// <summary>
/// Trains a small real classifier with <c>mentor train</c> (logistic head on ResNet-18 features): 10 training photos
/// for each of four clothing classes, validated on 5 others per class. Enough to name the validation photos the
/// tests use.
/// </summary>
internal static class TinyModel
{
    public static readonly string[] Labels = ["dress", "pants", "shoes", "t-shirt"];

    public static async Task WriteAsync(string folder, string modelPath)
    {
        var train = Copy(folder, "train", "train", 10, 0);
        var validation = Copy(folder, "validation", "validation", 5, 10);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MentorApp.RunAsync(["train", train, "--val", validation, "-o", modelPath, "--no-cache", "--json"], stdout, stderr);
        if (code != 0) throw new InvalidOperationException($"mentor train failed ({code}): {stderr}");
    }

    private static string Copy(string folder, string name, string split, int perClass, int skip)
    {
        var root = Path.Combine(folder, name);
        foreach (var label in Labels)
        {
            Directory.CreateDirectory(Path.Combine(root, label));
            foreach (var photo in SharedData.Clothing(split, label, perClass, skip))
                File.Copy(photo, Path.Combine(root, label, Path.GetFileName(photo)));
        }
        return root;
    }
}
