namespace AfterSales.Gateway.Cameras;

/// <summary>An RTSP or HTTP response from a device: status line, header lines in order (names case-insensitive) and the body as text.</summary>
internal sealed record DeviceResponse(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> HeaderLines, string Body)
{
    /// <summary>The first value of the header, or null.</summary>
    public string? Header(string name) => Headers(name).FirstOrDefault();

    /// <summary>Every value of a header that may repeat, such as one <c>WWW-Authenticate</c> per scheme.</summary>
    public IEnumerable<string> Headers(string name) =>
        HeaderLines.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);
}
