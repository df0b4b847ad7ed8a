namespace Mentor.Studio.Projects;

/// <summary>A checked photo about to be added: the name asked for and its bytes (already decoded once, so known to be usable).</summary>
public sealed record NewPhoto(string Name, byte[] Bytes);
