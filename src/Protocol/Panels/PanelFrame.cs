namespace AfterSales.Protocol.Panels;

/// <summary>
/// One frame cut from a byte stream by a protocol reader: its raw bytes (for logs) and what it decodes to.
/// A corrupt frame is still a frame: <see cref="Decoded"/> says why it is invalid.
/// </summary>
public readonly record struct PanelFrame(ReadOnlyMemory<byte> Raw, PanelDecodeResult Decoded);
