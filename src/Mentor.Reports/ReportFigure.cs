namespace Mentor.Reports;

/// <summary>One plot of a report: where it goes, how it is described, and how to draw it.</summary>
/// <param name="Id">One of the <see cref="ReportFigures"/> ids.</param>
/// <param name="Section">The id of the section that holds it.</param>
/// <param name="Alt">The image's alt text, naming the figure.</param>
/// <param name="Caption">What the figure shows, in a sentence or two (plain text).</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Draw">Renders the PNG bytes.</param>
internal sealed record ReportFigure(string Id, string Section, string Alt, string Caption, int Width, int Height, Func<byte[]> Draw);
