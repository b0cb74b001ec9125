import { build } from "./next-build";

build();
