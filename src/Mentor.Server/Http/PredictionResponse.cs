using Mentor.Models;

namespace Mentor.Server.Http;

/// <summary>The answer to <c>POST /predict</c>: one entry per image, in upload order, and the server-side time taken.</summary>
public sealed record PredictionResponse(IReadOnlyList<ImagePrediction> Predictions, double Milliseconds);
