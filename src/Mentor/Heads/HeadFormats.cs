using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads.Mlp;
using Mentor.Models;
using Google.Protobuf;
using Onnx;

namespace Mentor.Heads;

/// <summary>
/// Reads heads back from Mentor model files (to move a head onto another backbone, e.g. an int8 one), by the kind the
/// metadata names. One line per head kind; the training side registers the same kinds in <c>Mentor.Training.Heads.HeadRegistry</c>.
/// </summary>
public static class HeadFormats
{
    internal static IReadOnlyList<HeadFormat> All { get; } = [LinearHead.Format, KnnHead.Format, MlpHead.Format];

    /// <summary>The head kinds this Mentor reads.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. All.Select(f => f.Kind)];

    /// <summary>The head of the model file at <paramref name="modelPath"/>.</summary>
    /// <exception cref="ModelFileException">The file is not a usable Mentor model, or its head is of a kind this Mentor does not know.</exception>
    public static ClassifierHead Read(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        var (bytes, metadata) = ModelFile.Read(modelPath);
        return Read(bytes, metadata.Head, modelPath);
    }

    /// <summary>The head of kind <paramref name="kind"/> in the model file's <paramref name="bytes"/>; <paramref name="path"/> names it in errors.</summary>
    internal static ClassifierHead Read(byte[] bytes, string kind, string path)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new ModelFileException(path, "not a valid ONNX file (truncated or damaged); train or copy the model again.");
        }
        var format = All.FirstOrDefault(f => f.Kind == kind)
            ?? throw new ModelFileException(path, $"its head kind '{kind}' is not one this Mentor reads ({string.Join(", ", Kinds)}); use a newer Mentor or train the model again.");
        var graph = new HeadGraph(model, path, kind);
        try
        {
            return format.Read(graph);
        }
        catch (ArgumentException e)
        {
            // The head's own constructor refused the shapes the constants have (too few classes, sizes that do not divide).
            throw graph.Damaged($"constants do not fit together ({e.Message.Split('\n')[0]})");
        }
    }
}
