using System.IO.Ports;

namespace AfterSales.Gateway.Serial;

/// <summary>Real serial ports (and socat pseudo-terminals) through System.IO.Ports, 8N1 without flow control.</summary>
internal sealed class SerialPortLinkFactory : ISerialLinkFactory
{
    public SerialLink Open(string port, int baudRate)
    {
        // A symlink left behind by udev or socat can outlive its device; opening it would block or fail obscurely.
        if (!File.Exists(port))
        {
            throw new IOException($"{port} does not exist");
        }

        var serial = new SerialPort(port, baudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
        try
        {
            serial.Open();
            return new SerialLink(serial.BaseStream, serial);
        }
        catch
        {
            serial.Dispose();
            throw;
        }
    }
}
