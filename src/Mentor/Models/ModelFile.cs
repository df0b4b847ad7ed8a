using System.Security.Cryptography;
using Google.Protobuf;
using Onnx;

namespace Mentor.Models;

/// <summary>
/// Reads and checks a Mentor model file without parsing its weights: the top-level ONNX fields are scanned,
/// the graph's bytes hashed against the metadata, and the format version checked.
/// </summary>
public static class ModelFile
{
    private const int GraphField = 7;
    private const int MetadataField = 14;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ModelFileException"/> naming the problem.</summary>
    public static (byte[] Bytes, ModelMetadata Metadata) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new ModelFileException(path, "is a folder; pass the .onnx file written by 'mentor train -o'.");
        if (!File.Exists(path)) throw new ModelFileException(path, "model file not found; train one with 'mentor train <dir> -o model.onnx'.");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new ModelFileException(path, "the file is empty; train the model again.");

        var (graphSha, json) = Scan(path, bytes);
        if (json is null)
            throw new ModelFileException(path, "is an ONNX model but not a Mentor model (no 'mentor' metadata); train one with 'mentor train'.");
        var metadata = ModelMetadata.FromJson(json)
            ?? throw new ModelFileException(path, "its 'mentor' metadata is unreadable; the file is damaged, train the model again.");
        if (metadata.Format > ModelMetadata.CurrentFormat)
            throw new ModelFileException(path, $"was written by a newer Mentor (model format {metadata.Format}, this Mentor reads up to {ModelMetadata.CurrentFormat}); upgrade Mentor.");
        if (metadata.Format < 1 || metadata.Labels.Count < 2 || metadata.Input.Size < 1)
            throw new ModelFileException(path, "its 'mentor' metadata is incomplete; the file is damaged, train the model again.");
        if (!string.Equals(graphSha, metadata.GraphSha256, StringComparison.Ordinal))
            throw new ModelFileException(path, "the network does not match its recorded checksum: the file was damaged or altered; train or copy it again.");
        return (bytes, metadata);
    }

    private static (string? GraphSha, string? MentorJson) Scan(string path, byte[] bytes)
    {
        string? graphSha = null;
        string? json = null;
        try
        {
            var offset = 0; // where the current stream starts in bytes
            var input = new CodedInputStream(bytes);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var field = WireFormat.GetTagFieldNumber(tag);
                if (field == GraphField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    var length = input.ReadLength();
                    var start = offset + (int)input.Position;
                    if (length < 0 || (long)start + length > bytes.Length) throw new ModelFileException(path, "not a valid ONNX file (truncated); train or copy the model again.");
                    graphSha = Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(start, length)));
                    // Continue after the graph without copying it.
                    offset = start + length;
                    input = new CodedInputStream(bytes, offset, bytes.Length - offset);
                }
                else if (field == MetadataField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    var entry = new StringStringEntryProto();
                    input.ReadMessage(entry);
                    if (entry.Key == ModelMetadata.Key) json = entry.Value;
                }
                else
                {
                    input.SkipLastField();
                }
            }
        }
        catch (InvalidProtocolBufferException)
        {
            throw new ModelFileException(path, "not a valid ONNX file (truncated or damaged); train or copy the model again.");
        }
        if (graphSha is null) throw new ModelFileException(path, "not an ONNX model (no graph); pass the .onnx file written by 'mentor train -o'.");
        return (graphSha, json);
    }
}
