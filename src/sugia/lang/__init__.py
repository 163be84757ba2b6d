"""Written Vietnamese as every stage needs it: spelling keys that ignore marks and tone
placement (`text`), legacy encodings (`decode`, `legacy`), the date-stamp grammar (`dates`),
tokens with offsets (`tokens`) and the gazetteers of places, organisations and posts
(`gazetteer`). Nothing here imports a stage; every stage may import from here."""
