using PixyzGen.Samples.Gallery;

return GalleryCommand.Run(args);
