namespace AfterSales.Cloud.Tests.Web;

/// <summary>What a test changes about a <see cref="DeskHost"/>: its clock, a database file it keeps, extra settings (<c>Section:Key=value</c>).</summary>
internal sealed record DeskHostSettings
{
    public TimeProvider? Time { get; init; }

    /// <summary>A database file the host uses and leaves behind, so a second host can start on it.</summary>
    public string? DatabaseFile { get; init; }

    public IReadOnlyList<string> Extra { get; init; } = [];
}
