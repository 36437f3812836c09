using System;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>The output folder cannot be created or written: reported before training, so no run is lost.</summary>
public sealed class OutputFolderException(string folder, string reason) : Exception($"{folder}: {reason}");
