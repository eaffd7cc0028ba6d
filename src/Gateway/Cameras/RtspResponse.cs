namespace AfterSales.Gateway.Cameras;

/// <summary>An RTSP/1.0 response: status line, headers (names case-insensitive) and the body as text.</summary>
internal sealed record RtspResponse(int Status, string Reason, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
