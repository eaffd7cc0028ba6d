using System.Buffers;
using AfterSales.Protocol.Panels;

namespace AfterSales.Gateway.Serial;

/// <summary>Cuts the next frame from the bytes read so far; every codec's incremental reader has this shape.</summary>
internal delegate bool PanelFrameReader(ref ReadOnlySequence<byte> buffer, out PanelFrame frame);
