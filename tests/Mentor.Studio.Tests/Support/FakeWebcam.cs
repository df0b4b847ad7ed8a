using System.Diagnostics;

namespace Mentor.Studio.Tests.Support;

/// <summary>
/// A <c>.y4m</c> video made from real photos with Debian's ffmpeg (each photo held for half a second, letterboxed to
/// 640x480), for Chromium's <c>--use-file-for-fake-video-capture</c>: the fake webcam films those photos in a loop.
/// </summary>
internal static class FakeWebcam
{
    public const string Ffmpeg = "/usr/bin/ffmpeg";

    public static async Task<string> MakeAsync(IReadOnlyList<string> photos, string folder)
    {
        Assert.True(File.Exists(Ffmpeg), $"{Ffmpeg} is missing: apt-get install ffmpeg (as .ci/run does)");
        var frames = Directory.CreateDirectory(Path.Combine(folder, "frames")).FullName;
        for (var i = 0; i < photos.Count; i++) File.Copy(photos[i], Path.Combine(frames, $"{i:D3}.jpg"));
        var video = Path.Combine(folder, "webcam.y4m");
        var start = new ProcessStartInfo(Ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-y", "-loglevel", "error", "-framerate", "2", "-i", Path.Combine(frames, "%03d.jpg"),
            "-vf", "scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p", "-r", "10", video })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {error}");
        return video;
    }
}
