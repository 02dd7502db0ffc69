module example.com/site

go 1.26

require github.com/mdraci/mdraci v0.0.0

replace github.com/mdraci/mdraci => ../
