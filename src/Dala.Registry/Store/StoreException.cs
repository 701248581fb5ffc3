namespace Dala.Registry.Store;

/// <summary>A store cannot be used as asked (a schema newer than this program, a locked or unreadable file).
/// The message is written for the user.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);
