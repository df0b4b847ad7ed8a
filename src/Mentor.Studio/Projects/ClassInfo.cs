namespace Mentor.Studio.Projects;

/// <summary>A class of the project: its folder's name and how many photos it holds.</summary>
public sealed record ClassInfo(string Name, int Photos);
