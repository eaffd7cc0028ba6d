namespace AfterSales.Cloud.Documents.Model;

/// <summary>
/// A report as a list of blocks, composed once from the figures and laid out by both renderers:
/// <see cref="DocumentPdf"/> for the PDF and <see cref="DocumentHtmlService"/> (Razor) for the page and
/// the e-mail body. Neither renderer decides what is shown, so the two cannot drift apart.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, string Footer, DateTimeOffset GeneratedAt, IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>The page number in the footer, in the document's language: <c>{0}</c> the page, <c>{1}</c> the pages.</summary>
    public string PageOf { get; init; } = "Page {0} of {1}";
}
