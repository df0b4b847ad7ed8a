namespace Mentor.Server.Http;

/// <summary>What <see cref="UploadReader"/> accepts in one request: the body's size and the number of files.</summary>
public sealed record UploadLimits(long MaxRequestBodyBytes, int MaxFilesPerRequest);
