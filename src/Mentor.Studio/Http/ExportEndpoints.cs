using System.IO.Compression;
using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio.Http;

/// <summary>
/// <c>GET /api/export/model</c> (the ONNX model file), <c>GET /api/export/dataset</c> (the class folders as a zip, the
/// dataset every mentor command reads) and <c>GET /api/export/snippets</c> (code that loads the downloaded model).
/// </summary>
internal static class ExportEndpoints
{
    public static IResult Model(StudioProject project, TrainingJob training)
    {
        if (!File.Exists(training.ModelPath)) throw StudioException.NotFound("no model yet; press Train first");
        // Opened now: a retraining that replaces the file (by rename) does not change what this download sends.
        var stream = new FileStream(training.ModelPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return Results.File(stream, "application/octet-stream", ModelFileName(project));
    }

    public static async Task<IResult> DatasetAsync(StudioProject project)
    {
        var temp = Path.Combine(project.StudioFolder, $"export-{Guid.NewGuid():N}.zip");
        await using (var zip = await ZipArchive.CreateAsync(new FileStream(temp, FileMode.CreateNew), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null).ConfigureAwait(false))
        {
            foreach (var cls in project.Classes())
            {
                foreach (var name in project.Photos(cls.Name))
                {
                    var path = Path.Combine(project.Root, cls.Name, name);
                    if (File.Exists(path)) // removed since the listing: left out
                        await zip.CreateEntryFromFileAsync(path, $"{cls.Name}/{name}", CompressionLevel.NoCompression).ConfigureAwait(false); // photos are compressed already
                }
            }
        }
        var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return Results.File(stream, "application/zip", $"{Path.GetFileName(project.Root)}-dataset.zip");
    }

    public static IResult Snippets(StudioProject project, LiveModel live)
    {
        var metadata = live.Metadata ?? throw StudioException.NotFound("no model yet; press Train first");
        return Results.Json(Export.Snippets.For(ModelFileName(project), metadata.Input, metadata.Labels));
    }

    public static string ModelFileName(StudioProject project) => $"{Path.GetFileName(project.Root)}.onnx";
}
