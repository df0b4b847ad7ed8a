namespace Mentor.Server.Http;

/// <summary>One uploaded file: its name (from the multipart part or <c>?name=</c>) and its bytes.</summary>
public sealed record Upload(string Name, byte[] Bytes);
