/**
 * The slice of Phaser 4 this game uses, for the production bundle: `phaser` is aliased here by
 * vite.config.ts. It follows phaser/src/phaser-core.js but leaves out what the game never touches
 * (Phaser input: the DOM layer takes all input; sound: Howler owns audio; sprites, animations and the
 * other loader file types), which saves about 24 kB gzip. Feature flags are folded by vite.config.ts.
 * Types still come from phaser's own phaser.d.ts.
 */
require('phaser-src/polyfills/requestVideoFrame');

// The renderer goes first: its render nodes and BatchHandler require each other, and that cycle only
// resolves when the renderer index is entered before anything else pulls in a batch handler.
var Renderer = require('phaser-src/renderer');

var CONST = require('phaser-src/const');
var Extend = require('phaser-src/utils/object/Extend');

var Phaser = {
    BlendModes: require('phaser-src/renderer/BlendModes'),
    Cameras: { Scene2D: require('phaser-src/cameras/2d') },
    Core: require('phaser-src/core'),
    Events: require('phaser-src/events'),
    Game: require('phaser-src/core/Game'),
    GameObjects: {
        DisplayList: require('phaser-src/gameobjects/DisplayList'),
        UpdateList: require('phaser-src/gameobjects/UpdateList'),
        GameObjectFactory: require('phaser-src/gameobjects/GameObjectFactory'),
        GameObjectCreator: require('phaser-src/gameobjects/GameObjectCreator'),
        Graphics: require('phaser-src/gameobjects/graphics/Graphics'),
        Image: require('phaser-src/gameobjects/image/Image'),
        Text: require('phaser-src/gameobjects/text/Text'),
        Factories: {
            Graphics: require('phaser-src/gameobjects/graphics/GraphicsFactory'),
            Image: require('phaser-src/gameobjects/image/ImageFactory'),
            Text: require('phaser-src/gameobjects/text/TextFactory')
        }
    },
    Loader: {
        Events: require('phaser-src/loader/events'),
        LoaderPlugin: require('phaser-src/loader/LoaderPlugin'),
        FileTypes: {
            ImageFile: require('phaser-src/loader/filetypes/ImageFile'),
            SVGFile: require('phaser-src/loader/filetypes/SVGFile'),
            JSONFile: require('phaser-src/loader/filetypes/JSONFile')
        }
    },
    Renderer: Renderer,
    Scale: require('phaser-src/scale'),
    Scene: require('phaser-src/scene/Scene'),
    Scenes: require('phaser-src/scene'),
    Time: require('phaser-src/time'),
    Tweens: require('phaser-src/tweens')
};

Phaser = Extend(false, Phaser, CONST);

module.exports = Phaser;
