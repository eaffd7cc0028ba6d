namespace AfterSales.Gateway.Serial;

/// <summary>Opens a serial device as a byte stream; the seam between the sessions and System.IO.Ports.</summary>
internal interface ISerialLinkFactory
{
    /// <summary>Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the port cannot be opened.</summary>
    SerialLink Open(string port, int baudRate);
}
