using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Mentor.Features;
using Mentor.Models;

namespace Mentor.Tests.Support;

/// <summary>Runs a model file in stock ONNX Runtime for Node.js (tests/node), installing its npm package on first use.</summary>
internal static class NodeRuntime
{
    private static readonly Lazy<string> Folder = new(Install);

    /// <summary>The top-1 label indices that onnxruntime-node computes for <paramref name="photos"/>.</summary>
    public static int[] Top1(string modelPath, ImageClassifier classifier, IReadOnlyList<string> photos)
    {
        using var temp = new TempDirectory();
        var tensors = new float[photos.Count * classifier.Preprocessing.TensorLength];
        for (var i = 0; i < photos.Count; i++)
            ImagePreparer.Prepare(File.ReadAllBytes(photos[i]), photos[i], classifier.Preprocessing,
                tensors.AsSpan(i * classifier.Preprocessing.TensorLength, classifier.Preprocessing.TensorLength));
        var tensorPath = temp.Combine("tensors.f32");
        File.WriteAllBytes(tensorPath, MemoryMarshal.AsBytes(tensors.AsSpan()).ToArray());

        var output = Run("node", Folder.Value, Path.Combine(Folder.Value, "predict.mjs"), modelPath, tensorPath, photos.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return JsonDocument.Parse(output).RootElement.GetProperty("top1").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    private static string Install()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "node");
        if (!File.Exists(Path.Combine(folder, "node_modules", "onnxruntime-node", "package.json")))
            Run("npm", folder, "ci", "--no-audit", "--no-fund");
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mentor.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (Mentor.slnx) not found");
    }

    private static string Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
