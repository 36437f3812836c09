return PixyzGen.Samples.Vae.VaeCommand.Run(args);
