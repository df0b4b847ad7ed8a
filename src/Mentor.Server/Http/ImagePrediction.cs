using Mentor.Models;

namespace Mentor.Server.Http;

/// <summary>The top labels for one uploaded image, most probable first.</summary>
public sealed record ImagePrediction(string Name, IReadOnlyList<LabelScore> Top);
